import { retryRefunds } from './retry-refunds';
import { cleanupAuth } from './cleanup-auth';
import { deliverEmail } from './deliver-email';
import { deleteIdentityDocuments } from './delete-identity-documents';
import { mentoringReminders } from './mentoring-reminders';
import { ordersHousekeeping } from './orders-housekeeping';
import { buildDataExport } from './build-data-export';
import { deleteAccountFilesJob } from './delete-account-files';
import { deleteExpiredExportsJob } from './delete-expired-exports';
import { deleteOldEmailsJob } from './delete-old-emails';
import { deleteOldNotificationsJob } from './delete-old-notifications';
import type { JobDefinition } from './types';

// Every job the worker runs. A capability adds its jobs here.
export const jobs: JobDefinition<any>[] = [deliverEmail, cleanupAuth];
jobs.push(deleteIdentityDocuments);
jobs.push(mentoringReminders);
jobs.push(ordersHousekeeping);
jobs.push(buildDataExport, deleteAccountFilesJob, deleteExpiredExportsJob, deleteOldNotificationsJob, deleteOldEmailsJob);
jobs.push(retryRefunds);
