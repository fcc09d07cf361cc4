import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { capaVerify, VERIFICATION_RESULTS, type VerificationResult } from '../../../shared/schemas/capas.ts';
import { type CapaDetail, useVerifyCapa } from '../../api/capas.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';
import { CapaEvidence } from './CapaEvidence.tsx';

interface Values {
  result: VerificationResult;
  note: string;
}

/** 效果验证: the verifier's conclusion and note, with the evidence files. Effective closes the report. */
export function CapaVerifyModal({ capa, onClose }: { capa: CapaDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const verify = useVerifyCapa(capa.id);
  const formErrors = useFormErrors();
  return (
    <Modal
      open
      width={640}
      title={t('capas.verify.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('capas.verify.submit')}
      okButtonProps={testIdProps('capa-verify-save')}
      confirmLoading={verify.isPending}
      destroyOnHidden
      data-testid="capa-verify-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="capa-verify"
        onFinish={(v) =>
          verify.mutate(
            { result: v.result, note: v.note.trim() },
            {
              onSuccess: () => {
                void message.success(t('capas.saved'));
                onClose();
              },
              onError: (e) => formErrors(form, e),
            },
          )
        }
      >
        <Form.Item name="result" label={t('capas.verify.result')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={VERIFICATION_RESULTS.map((r) => ({
              value: r,
              label: t(`capas.result.${r}`),
              'data-testid': `capa-verify-result-${r}`,
            }))}
            data-testid="capa-verify-result"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('capas.verify.note')}
          rules={[{ required: true, whitespace: true }, zodRule(capaVerify.shape.note)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={4000}
            placeholder={t('capas.verify.noteHint')}
            data-testid="capa-verify-note"
          />
        </Form.Item>
      </Form>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('capas.verify.evidence')}
      </Typography.Text>
      <CapaEvidence capa={capa} />
    </Modal>
  );
}
