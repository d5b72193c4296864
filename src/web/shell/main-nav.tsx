import { NavLink, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { isWithin, type NavEntry } from './navigation';

interface MainNavProps {
  entries: readonly NavEntry[];
  /** Called after a link is followed (closes the navigation on small screens). */
  onNavigate: () => void;
}

export function MainNav({ entries, onNavigate }: MainNavProps) {
  const { pathname } = useLocation();
  const [toggled, setToggled] = useState<Record<string, boolean>>({});

  return (
    <Stack gap={2}>
      {entries.map((entry) => {
        const Icon = entry.icon;
        const icon = Icon ? <Icon size={19} /> : undefined;
        const within = isWithin(pathname, entry.to);
        if (!entry.children) {
          return (
            <NavLink
              key={entry.to}
              component={Link}
              to={entry.to}
              label={entry.label}
              leftSection={icon}
              active={within}
              aria-current={within ? 'page' : undefined}
              onClick={onNavigate}
              fw={500}
            />
          );
        }
        const opened = toggled[entry.to] ?? within;
        return (
          <NavLink
            key={entry.to}
            component="button"
            type="button"
            label={entry.label}
            leftSection={icon}
            opened={opened}
            onChange={(next) => {
              setToggled((t) => ({ ...t, [entry.to]: next }));
            }}
            aria-expanded={opened}
            childrenOffset={30}
            fw={500}
          >
            {entry.children.map((child) => {
              const active = isWithin(pathname, child.to);
              return (
                <NavLink
                  key={child.to}
                  component={Link}
                  to={child.to}
                  label={child.label}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                />
              );
            })}
          </NavLink>
        );
      })}
    </Stack>
  );
}
