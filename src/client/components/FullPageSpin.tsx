import { Flex, Spin } from 'antd';

/** The whole window waiting: a page's code or the signed-in user is still on its way. */
export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}
