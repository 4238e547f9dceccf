/** The parts of Mattermost API v4 objects the connector reads. Times are milliseconds since the epoch. */

export interface MattermostFileInfo {
  id: string;
  name?: string;
  mime_type?: string;
  size?: number;
}

/** A legacy message attachment (`props.attachments`), where integrations often put their whole content. */
export interface MattermostMessageAttachment {
  pretext?: string;
  title?: string;
  text?: string;
  fallback?: string;
}

export interface MattermostPost {
  id: string;
  create_at: number;
  update_at: number;
  /** 0 unless the post was edited. */
  edit_at: number;
  /** 0 unless the post was deleted. */
  delete_at: number;
  user_id: string;
  channel_id: string;
  /** Id of the thread's root post; '' for a root post. */
  root_id: string;
  /** Set on the copies Mattermost keeps of a post's earlier versions (edit history), '' otherwise. */
  original_id?: string;
  message: string;
  /** '' for an ordinary post; `system_join_channel` and the like; plugin types. */
  type: string;
  props?: {
    from_bot?: string;
    from_webhook?: string;
    override_username?: string;
    attachments?: MattermostMessageAttachment[];
    [key: string]: unknown;
  };
  /** Replies of the post's thread (asked with skipFetchThreads=true). */
  reply_count?: number;
  file_ids?: string[];
  metadata?: { files?: MattermostFileInfo[] };
}

/** What GET /channels/{id}/posts answers: ids newest first, the posts (and their thread roots) by id. */
export interface MattermostPostList {
  order: string[];
  posts: Record<string, MattermostPost>;
  next_post_id?: string;
  prev_post_id?: string;
}

export interface MattermostUser {
  id: string;
  username: string;
  nickname?: string;
  first_name?: string;
  last_name?: string;
  is_bot?: boolean;
  delete_at?: number;
}

export interface MattermostTeam {
  id: string;
  name: string;
  display_name?: string;
}

/** `O` public, `P` private, `D` direct, `G` group message. */
export type MattermostChannelType = 'O' | 'P' | 'D' | 'G';

export interface MattermostChannel {
  id: string;
  team_id: string;
  type: MattermostChannelType;
  name: string;
  display_name?: string;
  header?: string;
  purpose?: string;
  delete_at?: number;
  create_at?: number;
  /** Posts ever made in the channel, replies included (deletions are not subtracted). */
  total_msg_count?: number;
}

/** Mattermost's error body (an AppError). */
export interface MattermostErrorBody {
  id?: string;
  message?: string;
  detailed_error?: string;
  request_id?: string;
  status_code?: number;
}
