import { Flex, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TGraduateProfile } from '@yunpin/shared';
import { useTownNames } from '../district/district-api';
import { EmploymentStatusTag } from '../graduate/EmploymentStatusTag';

export function useGraduateColumns(): TableColumnsType<TGraduateProfile> {
  const { t } = useTranslation();
  const townNames = useTownNames();
  const empty = t('common.empty');
  return [
    {
      key: 'name',
      title: t('graduate.name'),
      render: (_, row) => (
        <Flex gap={8} align="center" wrap>
          <Link to={`/office/cases/${row.id}`}>{row.name}</Link>
          {row.isHardship === true && <Tag color="red">{t('graduate.hardship')}</Tag>}
        </Flex>
      ),
    },
    { key: 'school', title: t('graduate.school'), render: (_, row) => row.school ?? empty },
    { key: 'major', title: t('graduate.major'), render: (_, row) => row.major ?? empty },
    { key: 'degree', title: t('graduate.degree'), render: (_, row) => (row.degree ? t(`degrees.${row.degree}`) : empty) },
    {
      key: 'hukouTown',
      title: t('graduate.hukouTown'),
      render: (_, row) => (row.hukouTownId ? (townNames.get(row.hukouTownId) ?? empty) : empty),
    },
    {
      key: 'employmentStatus',
      title: t('graduate.employmentStatus'),
      render: (_, row) => <EmploymentStatusTag status={row.employmentStatus} />,
    },
  ];
}
