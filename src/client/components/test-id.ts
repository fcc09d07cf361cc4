/**
 * A data-testid for antd's props objects (okButtonProps, …): TypeScript takes hyphenated attributes only
 * in JSX, so the object is cast to the props type it goes into.
 */
export function testIdProps<T>(id: string): T {
  return { 'data-testid': id } as unknown as T;
}
