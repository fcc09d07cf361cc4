import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseAllowedHosts } from './modules/email/outbound-target.ts';

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
  /** QIAO_TLS_CERT / QIAO_TLS_KEY: PEM files; Qiao then serves HTTPS with HTTP/2 itself. */
  tls: { certFile: string; keyFile: string } | undefined;
  /**
   * Mail servers a mailbox may reach although they resolve to loopback or internal addresses
   * (QIAO_MAIL_ALLOWED_HOSTS, comma-separated host names); every other internal address is refused.
   */
  mailAllowedHosts: string[];
  /** Where attachment bytes live: PostgreSQL (default) or an S3-compatible object store. */
  attachmentStore: AttachmentStoreConfig;
}

export type AttachmentStoreConfig =
  | { kind: 'database' }
  | {
      kind: 's3';
      endpoint: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      prefix: string;
    };

function attachmentStoreConfig(env: NodeJS.ProcessEnv): AttachmentStoreConfig {
  const kind = env.QIAO_ATTACHMENT_STORE || 'database';
  if (kind === 'database') return { kind };
  if (kind !== 's3') throw new Error(`QIAO_ATTACHMENT_STORE must be "database" or "s3", got "${kind}"`);
  const need = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`QIAO_ATTACHMENT_STORE=s3 needs ${name}`);
    return value;
  };
  return {
    kind,
    endpoint: need('QIAO_S3_ENDPOINT'),
    bucket: need('QIAO_S3_BUCKET'),
    region: env.QIAO_S3_REGION || 'us-east-1',
    accessKeyId: need('QIAO_S3_ACCESS_KEY_ID'),
    secretAccessKey: need('QIAO_S3_SECRET_ACCESS_KEY'),
    prefix: env.QIAO_S3_PREFIX ?? '',
  };
}

function tlsConfig(env: NodeJS.ProcessEnv): QiaoConfig['tls'] {
  const certFile = env.QIAO_TLS_CERT || undefined;
  const keyFile = env.QIAO_TLS_KEY || undefined;
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile)
    throw new Error('QIAO_TLS_CERT and QIAO_TLS_KEY go together: set both or neither');
  return { certFile: path.resolve(certFile), keyFile: path.resolve(keyFile) };
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
    tls: tlsConfig(env),
    mailAllowedHosts: parseAllowedHosts(env.QIAO_MAIL_ALLOWED_HOSTS),
    attachmentStore: attachmentStoreConfig(env),
    publicUrl: (env.QIAO_PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
  };
}
