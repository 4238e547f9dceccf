/** Where the app shows one job of a channel. */
export const jobPath = (channelId: string, jobId: string) =>
  `/jobs/${encodeURIComponent(channelId)}/${encodeURIComponent(jobId)}`;

/** Where the app shows one stored message of a channel. */
export const messagePath = (channelId: string, messageId: string) =>
  `/channels/${encodeURIComponent(channelId)}/messages/${encodeURIComponent(messageId)}`;
