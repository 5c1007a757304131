import { retryRefunds } from './retry-refunds';
import { cleanupAuth } from './cleanup-auth';
import { deliverEmail } from './deliver-email';
import { deleteIdentityDocuments } from './delete-identity-documents';
import { verificationRenewalReminders } from './verification-renewal-reminders';
import { mentoringReminders } from './mentoring-reminders';
import { ordersHousekeeping } from './orders-housekeeping';
import { buildDataExport } from './build-data-export';
import { deleteAccountFilesJob } from './delete-account-files';
import { deleteExpiredExportsJob } from './delete-expired-exports';
import { deleteOldEmailsJob } from './delete-old-emails';
import { deleteOldNotificationsJob } from './delete-old-notifications';
import { deleteOldReplaysJob } from './delete-old-replays';
import { sealJob, type Job } from './types';

// Every job the worker runs. A capability adds its jobs here.
export const jobs: Job[] = [
  sealJob(deliverEmail),
  sealJob(cleanupAuth),
  sealJob(deleteIdentityDocuments),
  sealJob(mentoringReminders),
  sealJob(ordersHousekeeping),
  sealJob(buildDataExport),
  sealJob(deleteAccountFilesJob),
  sealJob(deleteExpiredExportsJob),
  sealJob(deleteOldNotificationsJob),
  sealJob(deleteOldEmailsJob),
  sealJob(retryRefunds),
  sealJob(verificationRenewalReminders),
  sealJob(deleteOldReplaysJob),
];

/** Every queue, handed to the job system by whoever starts a process (it knows no job itself). */
export const jobQueues = jobs.map((job) => job.queue);
