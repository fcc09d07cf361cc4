import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_service_requests.ts';
import * as m0003 from './0003_knowledge_base.ts';
import * as m0005 from './0005_email_channel.ts';
import * as m0006 from './0006_assignment.ts';
import * as m0007 from './0007_ticket_configuration.ts';
import * as m0008 from './0008_calls.ts';
import * as m0009 from './0009_notifications_portal.ts';
import * as m0010 from './0010_attachments.ts';
import * as m0011 from './0011_sla_warnings.ts';
import * as m0012 from './0012_customer_file.ts';
import * as m0013 from './0013_approvals_admission.ts';
import * as m0014 from './0014_ticket_search_all.ts';
import * as m0015 from './0015_key_accounts.ts';
import * as m0016 from './0016_customer_care.ts';
import * as m0017 from './0017_customer_fields.ts';
import * as m0018 from './0018_complaints_capa_returns.ts';
import * as m0019 from './0019_complaint_analysis_indexes.ts';
import * as m0020 from './0020_department_head.ts';
import * as m0021 from './0021_idempotency_keys.ts';
import * as m0022 from './0022_attachment_blobs.ts';
import * as m0023 from './0023_portal_link_secrecy.ts';
import * as m0024 from './0024_unverified_senders.ts';
import * as m0025 from './0025_search_everywhere.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_service_requests': m0002,
  '0003_knowledge_base': m0003,
  '0005_email_channel': m0005,
  '0006_assignment': m0006,
  '0007_ticket_configuration': m0007,
  '0008_calls': m0008,
  '0009_notifications_portal': m0009,
  '0010_attachments': m0010,
  '0011_sla_warnings': m0011,
  '0012_customer_file': m0012,
  '0013_approvals_admission': m0013,
  '0014_ticket_search_all': m0014,
  '0015_key_accounts': m0015,
  '0016_customer_care': m0016,
  '0017_customer_fields': m0017,
  '0018_complaints_capa_returns': m0018,
  '0019_complaint_analysis_indexes': m0019,
  '0020_department_head': m0020,
  '0021_idempotency_keys': m0021,
  '0022_attachment_blobs': m0022,
  '0023_portal_link_secrecy': m0023,
  '0024_unverified_senders': m0024,
  '0025_search_everywhere': m0025,
};
