import { runService } from '@atlas/bootstrap';

void runService('webhooks');
