// Tests mirror src/; network is off: every peer is a stand-in on 127.0.0.1.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Snapshots of the tests' knowledge directories go here, not to the user's cache (see snapshot.ts).
    env: { GAPBOT_CACHE_DIR: join(tmpdir(), "gapbot-test-cache") },
  },
});
