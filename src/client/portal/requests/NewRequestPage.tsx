import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { portalTicketCreate } from '../../../shared/schemas/portal.ts';
import { MAX_FILES_PER_MESSAGE } from '../../components/AttachmentUpload.tsx';
import { zodRule } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/context.ts';
import { usePortalFieldErrors } from '../components/form-errors.ts';
import { FormAlert, usePortalErrorText } from '../components/states.tsx';
import { ArticleSuggestions } from '../kb/ArticleSuggestions.tsx';
import styles from '../portal.module.css';
import { type PortalTicket, uploadRequestAttachment, useCreateRequest, useTicketTypes } from './api.ts';

interface Values {
  typeId?: number;
  subject: string;
  description: string;
  orderRef?: string;
  /** Held in the form (not uploaded) until the request exists. */
  files?: UploadFile[];
}

/**
 * 提交服务请求: type, subject, description (with matching articles while typing), order number and files.
 * The files upload one by one once the request exists; one that fails is named in a warning, and the
 * customer still lands on their new request.
 */
export default function NewRequestPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const types = useTicketTypes();
  const create = useCreateRequest();
  const [form] = Form.useForm<Values>();
  const subject = Form.useWatch('subject', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const fieldErrors = usePortalFieldErrors();
  const errorText = usePortalErrorText();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const shape = portalTicketCreate.shape;

  const uploadAndOpen = async (ticket: PortalTicket, files: UploadFile[]) => {
    setUploading(true);
    for (const item of files) {
      if (!item.originFileObj) continue;
      try {
        await uploadRequestAttachment(ticket.id, item.originFileObj).promise;
      } catch (error) {
        void message.warning({
          content: t('attachments.afterCreateFailed', { name: item.name, reason: errorText(error) }),
          duration: 10,
        });
      }
    }
    setUploading(false);
    void navigate(`/portal/requests/${ticket.id}`, { state: { created: ticket.number } });
  };

  const submit = (v: Values) =>
    create.mutate(
      {
        typeId: v.typeId ?? null,
        subject: v.subject.trim(),
        description: v.description.trim(),
        orderRef: v.orderRef?.trim() || null,
      },
      {
        onSuccess: (ticket) => void uploadAndOpen(ticket, v.files ?? []),
        onError: (error) => fieldErrors(form, error),
      },
    );

  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }} data-testid="portal-new-request">
      <PageHeader title={t('portal.newRequest.title')} subtitle={t('portal.newRequest.subtitle')} />
      <Card className={styles.card} variant="borderless">
        <FormAlert error={create.error} testId="portal-new-error" />
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark="optional"
          size="large"
          onFinish={submit}
          data-testid="portal-new-form"
        >
          <Form.Item name="typeId" label={t('portal.field.type')}>
            <Select
              allowClear
              loading={types.isPending}
              placeholder={t('portal.newRequest.typePlaceholder')}
              options={(types.data ?? []).map((type) => ({
                value: type.id,
                label: type.label[locale] || type.label['zh-CN'] || type.code,
              }))}
              data-testid="portal-new-type"
            />
          </Form.Item>
          <Form.Item
            name="subject"
            label={t('portal.field.subject')}
            rules={[
              { required: true, whitespace: true, message: t('portal.field.subjectRequired') },
              zodRule(shape.subject),
            ]}
          >
            <Input
              maxLength={200}
              placeholder={t('portal.newRequest.subjectPlaceholder')}
              data-testid="portal-new-subject"
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('portal.field.description')}
            rules={[
              { required: true, whitespace: true, message: t('portal.field.descriptionRequired') },
              zodRule(shape.description),
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 5, maxRows: 14 }}
              maxLength={20_000}
              placeholder={t('portal.newRequest.descriptionPlaceholder')}
              data-testid="portal-new-description"
            />
          </Form.Item>
          <ArticleSuggestions text={`${subject} ${description}`} />
          <Form.Item
            name="orderRef"
            label={t('portal.field.orderRef')}
            extra={t('portal.newRequest.orderHint')}
            rules={[zodRule(shape.orderRef)]}
          >
            <Input maxLength={100} data-testid="portal-new-order" />
          </Form.Item>
          <div data-testid="portal-new-attach">
            <Form.Item
              name="files"
              label={t('attachments.title')}
              extra={t('attachments.typesHint')}
              valuePropName="fileList"
              getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
            >
              <Upload multiple maxCount={MAX_FILES_PER_MESSAGE} beforeUpload={() => false}>
                <Button icon={<PaperClipOutlined />}>{t('attachments.choose')}</Button>
              </Upload>
            </Form.Item>
          </div>
          <Flex gap={12} justify="flex-end" wrap>
            <Link to="/portal/requests">
              <Button size="large">{t('common.cancel')}</Button>
            </Link>
            <Button
              type="primary"
              htmlType="submit"
              loading={create.isPending || uploading}
              data-testid="portal-new-submit"
            >
              {t('portal.newRequest.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
