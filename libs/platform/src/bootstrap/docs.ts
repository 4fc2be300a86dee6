import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';

/** OpenAPI for the service: the UI at /docs and the document at /docs/json. */
export function setupDocs(app: INestApplication, config: AppConfig): void {
  if (!config.docsEnabled) return;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Bookstore marketplace: ${config.service} service`)
      .setDescription(
        'Errors answer `{ "error": { "code", "message", "details?", "correlationId" } }` with a stable code. ' +
          'Send `X-Correlation-Id` to trace a request through logs and events.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}
