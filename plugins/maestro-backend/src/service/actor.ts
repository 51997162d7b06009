import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Request } from 'express';

/** Who is acting, as recorded in history: a user ref or `service:<subject>`. */
export async function actorOf(
  httpAuth: HttpAuthService,
  req: Request,
): Promise<string> {
  const credentials = await httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef)
    return principal.userEntityRef;
  return `service:${principal.subject ?? 'unknown'}`;
}
