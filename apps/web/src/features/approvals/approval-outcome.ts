import type { components } from '@cims/api-client';
import { unwrap } from '../../lib/api';

export type TApprovalRequest = components['schemas']['ApprovalRequest'];

/**
 * What a write that an approval policy may hold answered: done (its usual 200 with its result), or held
 * for an approver (202 with the approval request). The two bodies share no discriminating field the
 * contract promises, so the status code decides, never the shape.
 */
export type THeldOr<T> =
  | { isHeld: false; result: Exclude<T, TApprovalRequest> }
  | { isHeld: true; approval: TApprovalRequest };

type ClientResult<T> = { data?: T; error?: unknown; response: Response };

/** `unwrap` for the operations that can answer 202: failures still throw an ApiError. */
export async function unwrapHeldOr<T>(request: Promise<ClientResult<T>>): Promise<THeldOr<T>> {
  const result = await request;
  const data = await unwrap(Promise.resolve(result));
  return result.response.status === 202
    ? { isHeld: true, approval: data as TApprovalRequest }
    : { isHeld: false, result: data as Exclude<T, TApprovalRequest> };
}
