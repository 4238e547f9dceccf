import { runService } from '@atlas/bootstrap';

// Everything in one process: the REST gateway, the scheduler, the four stages and the projector.
void runService('atlas');
