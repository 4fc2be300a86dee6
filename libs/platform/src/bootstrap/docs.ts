import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { buildOpenApiDocument } from '../openapi/openapi-document';

/** OpenAPI for the service: the UI at /docs and the document at /docs/json. */
export function setupDocs(app: INestApplication, config: AppConfig): void {
  if (!config.docsEnabled) return;
  const document = buildOpenApiDocument(app, config.service);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}
