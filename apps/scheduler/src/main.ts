import { runService } from '@atlas/bootstrap';

void runService('scheduler');
