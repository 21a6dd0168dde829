/** The machine's real services; override when they live elsewhere. */
export const TEST_DATABASE_URL = process.env.YP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.YP_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
