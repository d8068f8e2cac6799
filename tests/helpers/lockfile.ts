// Checks a package-lock.json the way a new machine reads it: npm ci places every entry it lists, and an entry
// with no version or integrity (one written while the registry lacked an optional package) stops the install.
// https://docs.npmjs.com/cli/configuring-npm/package-lock-json

interface LockEntry {
  [field: string]: unknown;
  version?: string;
  integrity?: string;
  link?: boolean;
}

/** Each package entry, other than the root and links, that lacks what npm ci needs, named with what it lacks. */
export function incompleteLockEntries(lock: { packages?: Record<string, LockEntry> }): string[] {
  if (!lock.packages) return ["package-lock.json has no packages map (lockfileVersion 3 expected)"];
  const problems: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "" || entry.link) continue;
    const lacks = [entry.version ? "" : "no version", entry.integrity ? "" : "no integrity"].filter(Boolean);
    if (lacks.length) problems.push(`${path}: ${lacks.join(", ")}`);
  }
  return problems;
}
