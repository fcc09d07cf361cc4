import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Divider, Form, Input, Row } from 'antd';
import { contactCreate } from '../../../shared/schemas/customers.ts';
import { zodRule } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import type { ContactValues } from './customer-form.ts';

const shape = contactCreate.shape;

/** The first contacts of a new customer (up to 20): the people the service department will talk to. */
export function ContactsFormList() {
  const t = useT();
  return (
    <>
      <Divider titlePlacement="start">{t('customers.section.contacts')}</Divider>
      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('customers.contacts.nth', { n: index + 1 })}
                data-testid={`customer-contact-${index}`}
                extra={
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('customers.contacts.remove')}
                  />
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('customers.contact.name')}
                      rules={[
                        ({ getFieldValue }) => ({
                          // A contact row is optional, but one with a phone or an email needs its name.
                          validator: async (_rule, value: string | undefined) => {
                            const row = getFieldValue(['contacts', field.name]) as ContactValues | undefined;
                            const filled = !!(row?.title || row?.mobile || row?.phone || row?.email);
                            if (filled && !value?.trim())
                              throw new Error(t('customers.contacts.nameRequired'));
                          },
                        }),
                        zodRule(shape.name),
                      ]}
                    >
                      <Input maxLength={100} data-testid={`customer-contact-name-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'title']}
                      label={t('customers.contact.title')}
                      rules={[zodRule(shape.title)]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'mobile']}
                      label={t('customers.contact.mobile')}
                      rules={[zodRule(shape.mobile)]}
                    >
                      <Input maxLength={50} data-testid={`customer-contact-mobile-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'phone']}
                      label={t('customers.contact.phone')}
                      rules={[zodRule(shape.phone)]}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'email']}
                      label={t('customers.contact.email')}
                      rules={[zodRule(shape.email, t('common.invalidEmail'))]}
                    >
                      <Input
                        inputMode="email"
                        maxLength={200}
                        data-testid={`customer-contact-email-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'isPrimary']} valuePropName="checked" label=" ">
                      <Checkbox>{t('customers.contact.isPrimary')}</Checkbox>
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            {fields.length < 20 ? (
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ isPrimary: fields.length === 0 })}
                data-testid="customer-contact-add"
              >
                {t('customers.contacts.add')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </>
  );
}
