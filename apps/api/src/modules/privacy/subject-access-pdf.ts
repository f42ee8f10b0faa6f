/** The human-readable subject access copy (Chinese text: see pdf/fonts.ts). */
import type { components } from '@cims/api-client';
import PDFDocument from 'pdfkit';
import { cjkFont } from '../../pdf/fonts';

type SubjectAccessPackage = components['schemas']['SubjectAccessPackage'];

export function renderSubjectAccessPdf(pack: SubjectAccessPackage): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: { Title: `个人信息查阅副本 ${pack.customer.displayName}` },
  });
  doc.registerFont('body', font.path, font.family);
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) => doc.moveDown(0.8).fontSize(13).text(text).moveDown(0.3).fontSize(10);
  const line = (label: string, value: unknown) =>
    doc.text(`${label}：${value === null || value === undefined || value === '' ? '—' : String(value)}`);

  doc.fontSize(18).text('个人信息查阅副本 / Subject access copy');
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(`生成时间 ${pack.generatedAt} · 生成人 ${pack.generatedBy}`)
    .fillColor('black');

  const { customer } = pack;
  heading('基本信息 Profile');
  line('名称 Name', customer.displayName);
  line('类型 Kind', customer.kind);
  if (customer.person) {
    line('姓 Family name', customer.person.familyName);
    line('名 Given name', customer.person.givenName);
    line('性别 Gender', customer.person.gender);
    line('出生日期 Birth date', customer.person.birthDate);
    line('居民身份证号 Resident ID', customer.person.residentIdNumber);
  }
  if (customer.organization) {
    line('法定名称 Legal name', customer.organization.legalName);
    line('统一社会信用代码 USCC', customer.organization.uscc);
  }
  line('生命周期 Lifecycle', customer.lifecycleStage);
  line('来源渠道 Source', customer.sourceChannel);
  line('标签 Tags', customer.tags.join('、'));
  line('备注 Notes', customer.notes);
  line('创建时间 Created', customer.createdAt);

  heading('联系方式 Contact points');
  for (const point of customer.contactPoints)
    line(point.type, `${point.value}${point.label ? `（${point.label}）` : ''}`);
  heading('地址 Addresses');
  for (const address of customer.addresses) {
    line(
      address.label ?? '地址',
      `${address.provinceName}${address.cityName ?? ''}${address.districtName ?? ''}${address.detail}`,
    );
  }
  heading('同意 Consents');
  for (const state of pack.consents.current.filter((c) => c.isGranted || c.withdrawnAt)) {
    line(
      `${state.purpose} / ${state.channel}`,
      state.isGranted ? `同意 granted ${state.grantedAt}` : `已撤回 withdrawn ${state.withdrawnAt}`,
    );
  }
  heading('处理记录 Processing records');
  for (const entry of pack.auditEntries)
    line(entry.occurredAt, `${entry.action} · ${entry.actorLabel ?? entry.actorType}`);

  // Export control: every page carries who produced the copy and when.
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    doc
      .fontSize(8)
      .fillColor('#999')
      .text(`CIMS · ${pack.generatedBy} · ${pack.generatedAt}`, 50, doc.page.height - 40, {
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
