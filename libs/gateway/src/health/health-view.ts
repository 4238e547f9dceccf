import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class StoreHealthView {
  @ApiProperty({ enum: ['sqlite', 'mongodb'] }) kind: string;
  @ApiProperty({ enum: ['ok', 'unreachable'] }) status: string;
}

class ProjectionHealthView {
  @ApiProperty({ type: 'integer', nullable: true, description: 'The last event the read models show' })
  position: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The last event of the log' }) log_position:
    number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Events the read models are behind' }) lag:
    number | null;
}

/** GET /health: `status` for anyone; the rest only with a valid API key. */
export class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiPropertyOptional({ enum: ['connected', 'closed'], description: 'With a valid API key' })
  nats?: 'connected' | 'closed';
  @ApiPropertyOptional({ type: StoreHealthView, description: 'With a valid API key' }) store?: StoreHealthView;
  @ApiPropertyOptional({ type: ProjectionHealthView, description: 'With a valid API key' })
  projection?: ProjectionHealthView;
}
