import { Flex, Spin } from 'antd';

/** A spinner in place of a page's content while it loads. */
export function PageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin />
    </Flex>
  );
}
