/**
 * Sauga's version as written into packages (manifest softwareVersion) by the CLI, which has no
 * Electron app.getVersion(). A test keeps it equal to package.json.
 */
export const SAUGA_VERSION = '0.1.0';
