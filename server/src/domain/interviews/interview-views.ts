import type { Kysely } from 'kysely';
import type { TInterview, TInterviewSlot } from '@yunpin/shared';
import type { Database, InterviewBookingRow } from '../../db/schema.js';

export interface SlotView {
  id: string;
  job_id: string;
  job_title: string;
  organisation_id: string;
  organisation_name: string;
  starts_at: Date;
  ends_at: Date;
  interviewer_ids: string[];
  status: 'open' | 'booked' | 'cancelled';
  room_key: string;
  booking_id: string | null;
  booking_status: InterviewBookingRow['status'] | null;
  application_id: string | null;
  graduate_id: string | null;
  graduate_name: string | null;
  graduate_user_id: string | null;
  callback_at: Date | null;
  outcome: InterviewBookingRow['outcome'];
  scorecard: InterviewBookingRow['scorecard'];
}

/** Slots with their job, employer and live (or latest) booking. */
export function slotViews(db: Kysely<Database>) {
  return db
    .selectFrom('interview_slots as s')
    .innerJoin('jobs as j', 'j.id', 's.job_id')
    .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
    .leftJoin('interview_bookings as b', (join) => join.onRef('b.slot_id', '=', 's.id').on('b.status', '!=', 'cancelled'))
    .leftJoin('applications as a', 'a.id', 'b.application_id')
    .leftJoin('graduate_profiles as g', 'g.id', 'a.graduate_id')
    .select([
      's.id',
      's.job_id',
      'j.title as job_title',
      'j.organisation_id',
      'o.name as organisation_name',
      's.starts_at',
      's.ends_at',
      's.interviewer_ids',
      's.status',
      's.room_key',
      'b.id as booking_id',
      'b.status as booking_status',
      'b.application_id',
      'a.graduate_id',
      'g.name as graduate_name',
      'g.user_id as graduate_user_id',
      'b.callback_at',
      'b.outcome',
      'b.scorecard',
    ]);
}

export async function userNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function presentSlots(db: Kysely<Database>, views: SlotView[], showBooking: (v: SlotView) => boolean): Promise<TInterviewSlot[]> {
  const names = await userNames(db, [...new Set(views.flatMap((v) => v.interviewer_ids))]);
  return views.map((v) => ({
    id: v.id,
    jobId: v.job_id,
    jobTitle: v.job_title,
    organisationName: v.organisation_name,
    startsAt: v.starts_at.toISOString(),
    endsAt: v.ends_at.toISOString(),
    status: v.status,
    interviewers: v.interviewer_ids.map((userId) => ({ userId, name: names.get(userId) ?? '' })),
    booking:
      v.booking_id && showBooking(v)
        ? { id: v.booking_id, applicationId: v.application_id!, graduateName: v.graduate_name ?? '', status: v.booking_status! }
        : null,
  }));
}

export async function presentInterviews(db: Kysely<Database>, views: SlotView[], withOutcome: boolean): Promise<TInterview[]> {
  const names = await userNames(db, [...new Set(views.flatMap((v) => v.interviewer_ids))]);
  return views
    .filter((v) => v.booking_id)
    .map((v) => ({
      bookingId: v.booking_id!,
      slotId: v.id,
      applicationId: v.application_id!,
      jobId: v.job_id,
      jobTitle: v.job_title,
      organisationName: v.organisation_name,
      graduateName: v.graduate_name ?? '',
      startsAt: v.starts_at.toISOString(),
      endsAt: v.ends_at.toISOString(),
      status: v.booking_status!,
      interviewers: v.interviewer_ids.map((userId) => ({ userId, name: names.get(userId) ?? '' })),
      callbackAt: v.callback_at ? v.callback_at.toISOString() : null,
      ...(withOutcome ? { outcome: v.outcome, scorecard: v.scorecard } : {}),
    }));
}

/** The view of one booking's slot. */
export async function findBookingView(db: Kysely<Database>, bookingId: string): Promise<SlotView | undefined> {
  const booking = await db.selectFrom('interview_bookings').select(['slot_id', 'status']).where('id', '=', bookingId).executeTakeFirst();
  if (!booking) return undefined;
  // A cancelled booking is not joined by slotViews (which shows the live one), so read it directly.
  const view = (await slotViews(db).where('s.id', '=', booking.slot_id).executeTakeFirst()) as SlotView | undefined;
  if (view && view.booking_id === bookingId) return view;
  return undefined;
}
