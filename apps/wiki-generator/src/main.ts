import { runService } from '@atlas/bootstrap';

void runService('wiki-generator');
