// Files that commands write in the sandbox (the AWS CLI's outfile positional: `aws apigateway get-export
// ... api.yaml`, `get-sdk ... client.js`). They live in the world as text, so snapshots and "same seed,
// same commands" cover them; `sim cat FILE` prints one, and a later `file://FILE` reads it before the
// real files the sandbox's io offers. The simulator never touches the file system.
import type { World } from './world.js';

const SANDBOX_FILES_SLOT = 'sandbox.files';

interface SandboxFiles {
  files: Record<string, string>;
}

const filesOf = (world: World): SandboxFiles => world.service<SandboxFiles>(SANDBOX_FILES_SLOT, () => ({ files: {} }));

export function writeSandboxFile(world: World, path: string, text: string): void {
  filesOf(world).files[path] = text;
}

/** Reading does not create the slot, so a world where no file was written stays as it was. */
export function readSandboxFile(world: World, path: string): string | undefined {
  return world.peekService<SandboxFiles>(SANDBOX_FILES_SLOT)?.files[path];
}
