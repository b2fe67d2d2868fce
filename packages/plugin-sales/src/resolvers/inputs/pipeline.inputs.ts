import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { StageKind } from '../../entities/sales.enums.js';

@InputType()
export class StageInput {
  @Field() @Length(1, 255) name!: string;
  @Field(() => Int) @Min(0) @Max(100) probability!: number;
  @Field(() => StageKind, { defaultValue: StageKind.OPEN }) kind!: StageKind;
}

@InputType()
export class CreatePipelineInput {
  @Field() @Length(1, 255) name!: string;

  @Field(() => [StageInput], { description: 'In order; needs at least one open, one won and one lost stage' })
  @ValidateNested({ each: true })
  @ArrayMinSize(3)
  @ArrayMaxSize(50)
  stages!: StageInput[];
}

@InputType()
export class UpdateStageInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) @Min(1) version!: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, 255) name?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(100) probability?: number;
}
