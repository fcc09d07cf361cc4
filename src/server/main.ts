import { loadDotEnv, readConfig } from './config.ts';
import { InstanceLockedError, startQiao } from './instance.ts';
import { StartupError } from './startup-error.ts';

loadDotEnv();
const config = readConfig();
const log = (msg: string) => console.log(`[qiao] ${msg}`);

try {
  const qiao = await startQiao(config, log, {
    // The embedded PostgreSQL died for good: exit, so that systemd/Docker/PM2 restarts the whole.
    onDatabaseLost: (message) => {
      console.error(`[qiao] ${message}`);
      process.exit(1);
    },
  });
  log(`Qiao is running at ${qiao.url}  (API reference: ${qiao.url}/api/docs)`);
  if (qiao.firstAdmin) {
    log('First start: an administrator was created.');
    log(`  login:    ${qiao.firstAdmin.login}`);
    if (qiao.firstAdmin.generatedPassword) {
      log(
        `  password: ${qiao.firstAdmin.generatedPassword}   (shown only now; you will be asked to change it)`,
      );
    } else {
      log('  password: the one in QIAO_ADMIN_PASSWORD');
    }
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await qiao.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof InstanceLockedError) {
    console.error(`[qiao] ${error.message}`);
    process.exit(2);
  }
  // A cause Qiao can name (data directory, embedded PostgreSQL): its one line, no stack trace.
  if (error instanceof StartupError) {
    console.error(`[qiao] ${error.message}`);
    process.exit(1);
  }
  console.error('[qiao] failed to start:', error);
  process.exit(1);
}
