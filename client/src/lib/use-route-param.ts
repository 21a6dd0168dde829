import { useParams } from 'react-router';

/** A path parameter the route always has, such as the `:fairId` of /fairs/:fairId/lobby. */
export function useRouteParam(name: string): string {
  const value = useParams()[name];
  if (!value) throw new Error(`The route has no :${name} parameter`);
  return value;
}
