import { useEffect, useRef } from 'react';
import { Tag } from 'antd';

/** One video: the local preview (mirrored, muted) or a remote stream, with a name tag. */
export function VideoTile({ stream, label, isLocal, testId }: { stream: MediaStream | null; label: string; isLocal?: boolean; testId: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video && video.srcObject !== stream) video.srcObject = stream;
  }, [stream]);
  return (
    <div style={{ position: 'relative' }}>
      <video
        ref={ref}
        autoPlay
        playsInline
        muted={isLocal}
        data-testid={testId}
        style={{ width: '100%', aspectRatio: '4 / 3', background: '#000', borderRadius: 8, objectFit: 'cover', transform: isLocal ? 'scaleX(-1)' : undefined }}
      />
      <Tag style={{ position: 'absolute', left: 8, bottom: 8 }}>{label}</Tag>
    </div>
  );
}
