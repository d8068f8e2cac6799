// The real redis-server for tests (bench/redis-server.ts starts it). Where redis-server is not installed,
// the tests that need it are skipped and the run says so (`.ci/run` installs it, so CI never skips them).
import { hasRedisServer } from "../../bench/redis-server.js";

export { freePort, hasRedisServer, startRedis, type TestRedis } from "../../bench/redis-server.js";

if (!hasRedisServer) {
  // Visible in the run's output, not only as a skip count.
  process.stderr.write(
    "\n*** redis-server is not installed: the tests against a real Redis are SKIPPED " +
      "(apt-get install -y redis-server, or run .ci/run, which installs it) ***\n\n",
  );
}
