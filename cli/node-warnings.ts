/**
 * The AWS SDK warns on every process start that its Node 20 support ends in
 * 2027. The README says so once; a daily cron log or the demo should not
 * repeat it. Every other warning still prints.
 */
export function hideSdkNodeVersionWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    if (!String(w.message).startsWith('NodeVersionSupportWarning')) process.stderr.write(`${w.name}: ${w.message}\n`);
  });
}
