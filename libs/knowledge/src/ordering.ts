export { compareText } from '@atlas/common';
