import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';

export const MAX_QUESTION_LENGTH = 500;
export const MAX_ASK_CHANNELS = 100;

/** POST /api/ask */
export class AskRequestDto {
  @ApiProperty({ description: 'The question, in words', minLength: 1, maxLength: MAX_QUESTION_LENGTH })
  @IsString()
  @Length(1, MAX_QUESTION_LENGTH)
  @Matches(/[\p{L}\p{N}]/u, { message: 'question must hold at least one word' })
  question: string;

  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: MAX_ASK_CHANNELS,
    description: 'Channels to answer from; every channel when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ASK_CHANNELS)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  channel_ids?: string[];
}
