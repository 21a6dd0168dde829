import { Typography } from 'antd';
import { useBooth, useFair } from '../fairs/fairs-api';

/** The fair a message was left at, by title. */
export function FairTitle({ fairId }: { fairId: string }) {
  const fair = useFair(fairId);
  return <Typography.Text>{fair.data?.title ?? ''}</Typography.Text>;
}

/** The organisation whose booth a message was left at. */
export function BoothOrganisation({ boothId }: { boothId: string }) {
  const booth = useBooth(boothId);
  return <Typography.Text strong>{booth.data?.organisationName ?? ''}</Typography.Text>;
}
