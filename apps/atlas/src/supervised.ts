import { join } from 'node:path';
import { supervise } from '@atlas/supervisor';

// `npm start` and the Docker image: the all-in-one under a supervisor that logs how it died and restarts it.
supervise('atlas', join(__dirname, 'main.js'));
