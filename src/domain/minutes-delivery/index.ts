export { childLetterOf } from './child-letter-of';
export { childOf, deliveryKeyOf, deliveryPlan } from './delivery-plan';
export type { DeliveryChannel, DeliveryChoices, DeliveryVersion, Recipient } from './delivery-plan';
export { minutesDocumentOf, namesInWords } from './minutes-document-of';
export { CONTACT_REMOVED, contactsOf, dateWords, instantWords, minutesWords, withoutContacts } from './minutes-wording';
