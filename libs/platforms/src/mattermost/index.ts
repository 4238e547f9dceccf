export { MattermostConnector } from './mattermost-connector';
