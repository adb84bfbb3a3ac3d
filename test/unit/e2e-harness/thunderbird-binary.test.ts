/** The e2e harness finds the Thunderbird binary behind Debian's wrapper script, of the same installation. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findThunderbird, unwrap } from "../../e2e/harness/thunderbird-binary.js";

const root = mkdtempSync(join(tmpdir(), "authlens-tb-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An installation like `dpkg -x thunderbird_*.deb PREFIX`: the wrapper and the real binary. */
function install(prefix: string): { wrapper: string; binary: string } {
  const wrapper = join(prefix, "usr", "bin", "thunderbird");
  const binary = join(prefix, "usr", "lib", "thunderbird", "thunderbird");
  mkdirSync(join(prefix, "usr", "bin"), { recursive: true });
  mkdirSync(join(prefix, "usr", "lib", "thunderbird"), { recursive: true });
  writeFileSync(wrapper, '#!/bin/bash\nTB_HELPER=${TB_HELPER:-"/usr/lib/thunderbird/thunderbird-wrapper-helper.sh"}\nexec /usr/lib/thunderbird/thunderbird "$@"\n');
  writeFileSync(binary, "\x7fELF");
  chmodSync(wrapper, 0o755);
  chmodSync(binary, 0o755);
  return { wrapper, binary };
}

describe("finding Thunderbird", () => {
  const opt = install(join(root, "opt", "thunderbird-140"));

  it("unwraps a wrapper to the binary of its own installation, not the system's", () => {
    expect(unwrap(opt.wrapper)).toBe(opt.binary);
    expect(findThunderbird({ THUNDERBIRD: opt.wrapper })).toBe(opt.binary);
  });

  it("follows a symlink to the wrapper first", () => {
    const link = join(root, "thunderbird-link");
    symlinkSync(opt.wrapper, link);
    expect(unwrap(link)).toBe(opt.binary);
  });

  it("takes the binary itself as it is", () => {
    expect(findThunderbird({ THUNDERBIRD: opt.binary })).toBe(opt.binary);
    expect(findThunderbird({ PATH: join(root, "opt", "thunderbird-140", "usr", "bin") })).toBe(opt.binary);
  });

  it("keeps a wrapper whose installation has no binary", () => {
    const bare = join(root, "bare", "bin", "thunderbird");
    mkdirSync(join(root, "bare", "bin"), { recursive: true });
    writeFileSync(bare, "#!/bin/sh\n. thunderbird-wrapper-helper.sh\n");
    chmodSync(bare, 0o755);
    expect(unwrap(bare)).toBe(bare);
  });
});
