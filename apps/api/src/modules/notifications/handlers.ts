import { actorOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { DomainError } from '../../http/errors';
import { listNotifications, markNotificationsRead } from './service';

function staffIdOf(principal: ReturnType<typeof actorOf>): string {
  if (principal.kind !== 'staff') throw new DomainError('forbidden', 'Notifications are for staff.');
  return principal.user.id;
}

export const notificationsHandlers: {
  [K in 'listNotifications' | 'markNotificationsRead']: OperationHandler<K>;
} = {
  async listNotifications(request) {
    return listNotifications(request.server.db, staffIdOf(actorOf(request)));
  },
  async markNotificationsRead(request) {
    return markNotificationsRead(request.server.db, staffIdOf(actorOf(request)), request.body);
  },
};
