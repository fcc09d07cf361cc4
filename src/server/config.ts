import { existsSync } from 'node:fs';
import path from 'node:path';

/** Runtime configuration, read once from the environment (and an optional `.env`). */
export interface QiaoConfig {
  port: number;
  host: string;
  dataDir: string;
  /** External PostgreSQL; when absent Qiao runs its own embedded server under dataDir. */
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Instance key for encryption at rest and signing; generated into dataDir when not given. */
  secretKey: string | undefined;
  logLevel: string;
  /** Base of links in emails (portal verification, password reset). */
  publicUrl: string;
  /** Cookies are marked Secure only behind HTTPS; set QIAO_SECURE_COOKIES=true in production. */
  secureCookies: boolean;
}

export function loadDotEnv(cwd = process.cwd()): void {
  const file = path.join(cwd, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): QiaoConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.QIAO_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.QIAO_ADMIN_EMAIL || undefined,
    adminPassword: env.QIAO_ADMIN_PASSWORD || undefined,
    secretKey: env.QIAO_SECRET_KEY || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.QIAO_SECURE_COOKIES === 'true',
    publicUrl: (env.QIAO_PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
  };
}
