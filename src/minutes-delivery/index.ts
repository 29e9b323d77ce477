export { childLetterCard, MAX_MINUTES_CARD_BYTES, minutesCard } from './minutes-card';
export { deliveriesOf, deliveryPayload, documentFor, emailEffect, MINUTES_DEADLINE, MINUTES_EMAIL, MINUTES_PLAN, MINUTES_REPORT, MINUTES_TEAMS, minutesPlanEffect, reportEffect, resendEffect, teamsEffect } from './minutes-delivery-effects';
export type { DeliveryPayload, VersionDocument } from './minutes-delivery-effects';
export { minutesDeadlineHandler, minutesEmailHandler, minutesPlanHandler, minutesTeamsHandler } from './minutes-delivery-handlers';
export type { MinutesDeliveryDependencies } from './minutes-delivery-handlers';
export { minutesEmail } from './minutes-email';
