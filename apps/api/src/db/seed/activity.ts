/**
 * Demo activity for seeded customers: orders online and in stores, interactions, and open work orders in
 * the service queue (so the demo service user has customers in their data scope), with SLA due times from
 * the default settings. Deterministic: customers are taken in name order and varied by their position.
 */
import { eq, sql } from 'drizzle-orm';
import { addBusinessHours } from '../../modules/workorders/business-hours';
import { defaultWorkOrderSettings, slaHoursFor } from '../../modules/workorders/settings';
import type { Database } from '../client';
import { customers, interactions, orders, workOrderEvents, workOrders } from '../schema';

const hourMs = 3_600_000;
const products = [
  ['AC-1P', '变频空调 1匹', '2399.00'],
  ['AC-2P', '变频空调 2匹', '3899.00'],
  ['FLT-01', '净水器滤芯', '199.00'],
  ['INST', '上门安装服务', '150.00'],
] as const;
const interactionKinds = [
  ['call', 'phone', '咨询产品价格'],
  ['email', 'email', '回访满意度'],
  ['visit', 'in_person', '上门拜访'],
  ['login', 'app', 'App 登录'],
] as const;
const problems = ['空调不制冷', '净水器漏水', '安装预约改期', '发票开具咨询', '遥控器失灵'] as const;

export async function seedDemoActivity(db: Database, options: { serviceUserId: string | null; now?: Date }) {
  const now = options.now ?? new Date();
  const listed = await db.execute<{ id: string; owner_id: string | null }>(
    sql`SELECT id, owner_id FROM customers ORDER BY display_name, id`,
  );
  const values: (typeof orders.$inferInsert)[] = [];
  const interactionValues: (typeof interactions.$inferInsert)[] = [];
  listed.rows.forEach((customer, index) => {
    for (let n = 0; n < index % 5; n++) {
      const [code, name, price] = products[(index + n) % products.length] as (typeof products)[number];
      const quantity = 1 + ((index + n) % 2);
      values.push({
        source: n % 2 === 0 ? 'tmall' : 'pos-shenzhen',
        orderNo: `D${String(index).padStart(5, '0')}${n}`,
        customerId: customer.id,
        channel: n % 2 === 0 ? 'online' : 'offline',
        store: n % 2 === 0 ? '天猫旗舰店' : '深圳万象城店',
        orderedAt: new Date(now.getTime() - ((index * 37 + n * 211) % 700) * 24 * hourMs),
        status: (index + n) % 11 === 0 ? 'refunded' : 'completed',
        currency: 'CNY',
        amount: (Number(price) * quantity).toFixed(2),
        lines: [{ productCode: code, catalogueCode: code, productName: name, quantity, unitPrice: price }],
      });
    }
    for (let n = 0; n < index % 4; n++) {
      interactionValues.push({
        customerId: customer.id,
        type: interactionKinds[(index + n) % 4]?.[0] ?? 'call',
        channel: interactionKinds[(index + n) % 4]?.[1] ?? 'phone',
        direction: n % 2 === 0 ? 'inbound' : 'outbound',
        occurredAt: new Date(now.getTime() - ((index * 13 + n * 97) % 400) * 24 * hourMs),
        summary: interactionKinds[(index + n) % 4]?.[2] ?? '',
        staffUserId: (index + n) % 4 === 3 ? null : customer.owner_id,
        source: (index + n) % 4 === 3 ? 'app' : 'staff',
      });
    }
  });
  for (let offset = 0; offset < values.length; offset += 1000)
    await db.insert(orders).values(values.slice(offset, offset + 1000));
  for (let offset = 0; offset < interactionValues.length; offset += 1000)
    await db.insert(interactions).values(interactionValues.slice(offset, offset + 1000));

  const settings = defaultWorkOrderSettings;
  const withWorkOrder = listed.rows.filter((_, index) => index % 4 === 1);
  for (const [n, customer] of withWorkOrder.entries()) {
    const category = n % 3 === 0 ? ('consultation' as const) : ('after_sales' as const);
    const priority = n % 5 === 0 ? ('high' as const) : ('normal' as const);
    const createdAt = new Date(now.getTime() - (n % 48) * hourMs);
    const hours = slaHoursFor(settings, category, priority);
    const [created] = await db
      .insert(workOrders)
      .values({
        number: `WO-DEMO-${String(n + 1).padStart(4, '0')}`,
        customerId: customer.id,
        category,
        priority,
        channel: 'hotline',
        title: problems[n % problems.length] as string,
        status: options.serviceUserId ? 'assigned' : 'new',
        queueId: settings.defaultQueueId,
        assigneeId: options.serviceUserId,
        firstResponseDueAt: addBusinessHours(settings.businessCalendar, createdAt, hours.firstResponseHours),
        resolutionDueAt: addBusinessHours(settings.businessCalendar, createdAt, hours.resolutionHours),
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: workOrders.id });
    if (!created) continue;
    await db.insert(workOrderEvents).values([
      {
        workOrderId: created.id,
        customerId: customer.id,
        type: 'created',
        toStatus: 'new',
        occurredAt: createdAt,
      },
      {
        workOrderId: created.id,
        customerId: customer.id,
        type: 'assigned',
        fromStatus: 'new',
        toStatus: options.serviceUserId ? 'assigned' : 'new',
        queueId: settings.defaultQueueId,
        assigneeId: options.serviceUserId,
        occurredAt: createdAt,
      },
    ]);
    if (category === 'after_sales')
      await db
        .update(customers)
        .set({ serviceStatus: 'in_after_sales' })
        .where(eq(customers.id, customer.id));
  }
  return { orders: values.length, interactions: interactionValues.length, workOrders: withWorkOrder.length };
}
