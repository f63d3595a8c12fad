// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, then reads
// them back and fails the build if any is not as set. Fuses are compile-time switches in the
// binary itself, so they hold even if someone edits the app's JS or its launch command.
// package.json: "build": { "afterPack": "scripts/after-pack-fuses.cjs" }

const path = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options } = require('@electron/fuses');

// FuseState in @electron/fuses/dist/constants (not exported from its index).
const ENABLE = 49;
const DISABLE = 48;

/** Every fuse @electron/fuses 1.8 knows, each set explicitly. */
const FUSES = {
  // The binary can never run as a plain Node.js (ELECTRON_RUN_AS_NODE): no script runner.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium storage are encrypted with an OS-held key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could inject --require of arbitrary code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would open a debugger port into the process that holds the vault key.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash built into the binary (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never a loose app/ folder dropped beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // No custom V8 snapshot for the main process.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // We serve app:// only; file:// gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

// electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
const ARM64 = 3;
const UNIVERSAL = 4;

function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return path.join(appOutDir, `${product}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${product}.exe`);
  return path.join(appOutDir, packager.executableName);
}

async function flipSaugaFuses(executable, { platform, arch } = {}) {
  const darwin = platform === 'darwin' || platform === 'mas';
  await flipFuses(executable, {
    version: FuseVersion.V1,
    // Apple silicon refuses a binary whose ad-hoc signature no longer matches.
    resetAdHocDarwinSignature: darwin && (arch === ARM64 || arch === UNIVERSAL),
    ...FUSES,
  });
  const wire = await getCurrentFuseWire(executable);
  const wrong = Object.entries(FUSES)
    .filter(([index, on]) => wire[index] !== (on ? ENABLE : DISABLE))
    .map(([index]) => FuseV1Options[index]);
  if (wrong.length) throw new Error(`after-pack-fuses: fuses not set in ${executable}: ${wrong.join(', ')}`);
  return wire;
}

async function afterPack(context) {
  const executable = executablePath(context);
  await flipSaugaFuses(executable, { platform: context.electronPlatformName, arch: context.arch });
  console.log(`after-pack-fuses: fuses set and verified in ${executable}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.executablePath = executablePath;
module.exports.flipSaugaFuses = flipSaugaFuses;
