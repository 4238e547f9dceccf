/** The parts of Slack's objects the connectors read. Web API responses and exports share these shapes. */

export interface SlackFile {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
  permalink?: string;
}

/** Legacy message attachments: link unfurls and the content of many bot messages. */
export interface SlackLegacyAttachment {
  fallback?: string;
  text?: string;
  title?: string;
}

export interface SlackMessage {
  type?: string;
  ts: string;
  user?: string;
  text?: string;
  thread_ts?: string;
  reply_count?: number;
  /** ts of the thread's newest reply (on parents). */
  latest_reply?: string;
  subtype?: string;
  edited?: { user?: string; ts?: string };
  files?: SlackFile[];
  attachments?: SlackLegacyAttachment[];
  bot_id?: string;
  username?: string;
  bot_profile?: { name?: string };
  /** Exports (and some API responses) embed the author's profile as it was when they posted. */
  user_profile?: { display_name?: string; real_name?: string; name?: string };
}

export interface SlackUser {
  id: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

export interface SlackChannel {
  id: string;
  name: string;
  is_private?: boolean;
  is_archived?: boolean;
  /** Unix seconds. */
  created?: number;
  topic?: { value?: string };
  purpose?: { value?: string };
}
