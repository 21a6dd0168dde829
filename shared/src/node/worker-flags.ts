/**
 * Node flags for the workers process. With one parse thread per core, V8's parallel garbage
 * collection helpers only compete with the parse threads for the same cores: measured with
 * `npm run bench -- screening`, single-threaded collection cut the worker's CPU per resume by about
 * a fifth (10.0 → 7.6 ms). docker-compose.yml passes the same flags.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];
