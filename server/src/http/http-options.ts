import type { TFairLive, TNotification } from '@yunpin/shared';
import type { LoginRateLimit } from '../domain/auth/login-rate-limit.js';
import type { CookiePolicy } from './cookies.js';

/** Settings the HTTP layer needs beyond the shared context. */
export interface HttpOptions {
  publicUrl: string;
  sessionTtlMs: number;
  loginRateLimit: LoginRateLimit;
  cookies: CookiePolicy;
  /** Where the built client lives; omitted when the API runs alone. */
  clientDir?: string;
  /** Reads messages sent to a user (the local notifier's outbox). */
  listNotifications: (userId: string) => Promise<TNotification[]>;
  /** Largest JSON body accepted. */
  bodyLimit: string;
  version: string;
  /** Live figures of a fair (queues, conversations, visitors), from the socket layer. */
  live?: { fairLive(fairId: string): Promise<TFairLive> };
}
