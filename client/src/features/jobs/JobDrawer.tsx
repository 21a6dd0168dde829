import type { ReactNode } from 'react';
import { Drawer, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TJob } from '@yunpin/shared';
import { JobDetails } from './JobDetails';

interface TJobDrawerProps {
  job: TJob | null;
  onClose: () => void;
  /** What can be done with the job: apply, approve or return. */
  actions?: (job: TJob) => ReactNode;
  withStatus?: boolean;
}

/** A job's details beside the list it was opened from. */
export function JobDrawer({ job, onClose, actions, withStatus }: TJobDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer open={job !== null} onClose={onClose} size={640} title={t('jobs.detailTitle')} destroyOnHidden data-testid="job-drawer">
      {job && (
        <Flex vertical gap={16}>
          {actions && <Flex gap={8} wrap>{actions(job)}</Flex>}
          <JobDetails job={job} withStatus={withStatus} />
        </Flex>
      )}
    </Drawer>
  );
}
