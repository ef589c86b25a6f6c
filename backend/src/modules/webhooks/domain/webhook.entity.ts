import { Entity, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../../../platform/domain/base.entity';
import { StaleVersionError } from '../../../platform/errors/domain-error';

export interface WebhookFields {
  name: string;
  url: string;
  active: boolean;
}

/** "POST what my triggers send to <url>, signed with <secret>." */
@Entity({ tableName: 'webhooks' })
export class Webhook extends VersionedEntity {
  @Property({ type: 'uuid' })
  ownerId: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  url: string;

  /** `whsec_` + base64 of the key: shown once on creation, then only used to sign (never returned or logged). */
  @Property({ type: 'text', hidden: true, lazy: true })
  secret: string;

  @Property({ type: 'boolean' })
  active: boolean;

  constructor(ownerId: string, fields: WebhookFields, secret: string) {
    super();
    this.ownerId = ownerId;
    this.name = fields.name;
    this.url = fields.url;
    this.active = fields.active;
    this.secret = secret;
  }

  update(version: number, changes: Partial<WebhookFields>): void {
    if (version !== this.version) throw new StaleVersionError('Webhook');
    Object.assign(this, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
    this.updatedAt = new Date();
  }
}
