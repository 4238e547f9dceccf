import { runService } from '@atlas/bootstrap';

void runService('graph-builder');
